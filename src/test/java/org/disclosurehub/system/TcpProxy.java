package org.disclosurehub.system;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * A TCP proxy on a loopback port in front of PostgreSQL, for outage tests. While {@link #open()} is
 * false every connection through it is cut and new ones are closed at once, as when the database's
 * host goes away; set it true again and connections go through as before.
 */
final class TcpProxy implements Closeable {
  private final ServerSocket server;
  private final InetSocketAddress upstream;
  private final BooleanSupplier open;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

  TcpProxy(String upstreamHost, int upstreamPort, BooleanSupplier open) throws IOException {
    this.open = open;
    upstream = new InetSocketAddress(upstreamHost, upstreamPort);
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon("tcp-proxy-accept", this::accept);
    daemon("tcp-proxy-watch", this::cutWhileClosed);
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        if (!open.getAsBoolean()) {
          client.close();
          continue;
        }
        Socket database = new Socket();
        database.connect(upstream, 2_000);
        sockets.add(client);
        sockets.add(database);
        daemon("tcp-proxy-up", () -> pump(client, database));
        daemon("tcp-proxy-down", () -> pump(database, client));
      } catch (IOException e) {
        // The server socket was closed, or PostgreSQL refused: the client sees a closed socket.
      }
    }
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // Cut, or closed by either side.
    } finally {
      close(from);
      close(to);
    }
  }

  private void cutWhileClosed() {
    while (!server.isClosed()) {
      if (!open.getAsBoolean()) {
        sockets.forEach(this::close);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void close(Socket socket) {
    sockets.remove(socket);
    try {
      socket.close();
    } catch (IOException e) {
      // Closed already.
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    sockets.forEach(this::close);
  }

  private static void daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
  }
}
