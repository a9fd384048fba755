package org.disclosurehub.feed;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom feed document (RFC 4287) with RFC 5005 archive links. Every link is a path, resolved
 * against the feed's own address, and every id a tag: URI (RFC 4151), so that the same entries
 * always make the same bytes, whatever host served them.
 */
final class AtomFeed {
  static final String MEDIA_TYPE = "application/atom+xml";
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String ARCHIVE = "http://purl.org/syndication/history/1.0";

  /** The tag authority and date of every id; never change it, or every entry's id changes. */
  static final String TAG = "tag:disclosurehub.org,2026:";

  private AtomFeed() {}

  /** One document: the current feed ({@code page} 0) or an archive page. */
  record Document(
      FeedScope scope,
      int page,
      Integer prevArchive,
      Instant updated,
      List<FeedEntry> newestFirst) {}

  static String write(Document d) {
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(text);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("feed");
      x.writeDefaultNamespace(ATOM);
      x.writeNamespace("fh", ARCHIVE);
      String self = d.page() == 0 ? d.scope().path() : archive(d.scope(), d.page());
      element(x, "id", TAG + d.scope().name() + (d.page() == 0 ? "" : "/archive/" + d.page()));
      element(
          x,
          "title",
          "Disclosure reports of "
              + d.scope().name()
              + (d.page() == 0 ? "" : ", archive page " + d.page()));
      element(x, "updated", d.updated().toString());
      x.writeStartElement("author");
      element(x, "name", "disclosure-hub");
      x.writeEndElement();
      link(x, "self", self, MEDIA_TYPE);
      link(x, "current", d.scope().path(), MEDIA_TYPE);
      if (d.prevArchive() != null) {
        link(x, "prev-archive", archive(d.scope(), d.prevArchive()), MEDIA_TYPE);
      }
      if (d.page() != 0) {
        x.writeEmptyElement("fh", "archive", ARCHIVE);
      }
      for (FeedEntry e : d.newestFirst()) {
        entry(x, e);
      }
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing to a string cannot fail", e);
    }
    return text.toString();
  }

  static String archive(FeedScope scope, int page) {
    return scope.path() + "/archive/" + page;
  }

  private static void entry(XMLStreamWriter x, FeedEntry e) throws XMLStreamException {
    String report = "/api/v1/agencies/" + e.agency() + "/reports/" + e.year();
    String revision = report + "/revisions/" + e.revision();
    boolean decision = e.kind().isDecision();
    x.writeStartElement("entry");
    element(
        x,
        "id",
        TAG
            + e.agency()
            + "/"
            + e.year()
            + (decision ? "/review/" + e.reviewSeq() : "/" + e.revision()));
    element(
        x,
        "title",
        e.agency() + " " + e.year() + ": " + e.kind() + " (revision " + e.revision() + ")");
    element(x, "published", e.at().toString());
    element(x, "updated", e.at().toString());
    x.writeStartElement("author");
    element(x, "name", e.author());
    x.writeEndElement();
    x.writeEmptyElement("category");
    x.writeAttribute("term", e.kind().name());
    x.writeAttribute("scheme", "https://disclosurehub.org/feed/kinds");
    if (decision) {
      link(x, "alternate", report + "/review", "application/json");
    }
    link(x, decision ? "related" : "alternate", revision, "text/html");
    link(x, decision ? "related" : "alternate", revision, "application/json");
    link(x, "related", revision + "/content", "application/json");
    String reason = e.reason() == null ? "" : "; reason: " + e.reason();
    element(
        x,
        "summary",
        decision
            ? "Revision "
                + e.revision()
                + " of the "
                + e.year()
                + " report of "
                + e.agency()
                + " "
                + e.kind()
                + " by the review"
                + reason
            : "Revision "
                + e.revision()
                + " of the "
                + e.year()
                + " report of "
                + e.agency()
                + ": "
                + e.kind()
                + "; content SHA-256 "
                + e.contentSha256()
                + "; "
                + e.violationCount()
                + " rule violation(s) accepted"
                + reason);
    x.writeEndElement();
  }

  private static void link(XMLStreamWriter x, String rel, String href, String type)
      throws XMLStreamException {
    x.writeEmptyElement("link");
    x.writeAttribute("rel", rel);
    x.writeAttribute("href", href);
    x.writeAttribute("type", type);
  }

  private static void element(XMLStreamWriter x, String name, String text)
      throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(text);
    x.writeEndElement();
  }
}
