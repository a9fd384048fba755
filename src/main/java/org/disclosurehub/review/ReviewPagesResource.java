package org.disclosurehub.review;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.disclosurehub.agency.Agency;
import org.disclosurehub.region.Division;
import org.disclosurehub.security.Actor;
import org.disclosurehub.security.Actors;
import org.disclosurehub.system.Parameters;
import org.disclosurehub.system.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The pages of the review: a reviewer's queue, a report's review page with its forms, the agency's
 * view of what was asked of it. Reading needs no token; a form carries the actor's token in a field
 * (never a cookie, never the URL), so that nothing is kept on the server and no other site can act
 * in someone's name.
 */
@Path("/review")
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
class ReviewPagesResource {
  private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";

  @CheckedTemplate(basePath = "review")
  static class Templates {
    static native TemplateInstance queue(Inspections.Queue queue, String divisionName);

    static native TemplateInstance review(ReviewPage page);

    static native TemplateInstance asked(ReviewPage page);

    static native TemplateInstance problem(int status, String title, String detail, String back);
  }

  private final Inspections inspections;
  private final ReviewResource reviews;
  private final ReviewCycle cycle;
  private final Actors actors;
  private final Clock clock;

  ReviewPagesResource(
      Inspections inspections,
      ReviewResource reviews,
      ReviewCycle cycle,
      Actors actors,
      Clock clock) {
    this.inspections = inspections;
    this.reviews = reviews;
    this.cycle = cycle;
    this.actors = actors;
    this.clock = clock;
  }

  @GET
  @Operation(hidden = true)
  @Path("{division}/{year}")
  @Transactional
  public Response queue(@PathParam("division") String code, @PathParam("year") int year) {
    return page(
        () -> {
          Division division = RosterResource.region(code);
          Parameters.year("year", year, clock);
          String name = org.disclosurehub.region.Regions.name(code);
          return Templates.queue(inspections.queue(division, year), name == null ? code : name)
              .render();
        },
        "/");
  }

  @GET
  @Operation(hidden = true)
  @Path("agencies/{code}/{year}")
  @Transactional
  public Response review(
      @PathParam("code") String code,
      @PathParam("year") int year,
      @QueryParam("done") String done) {
    return page(() -> Templates.review(page(code, year, done)).render(), "/");
  }

  @GET
  @Operation(hidden = true)
  @Path("agencies/{code}/{year}/asked")
  @Transactional
  public Response asked(@PathParam("code") String code, @PathParam("year") int year) {
    return page(() -> Templates.asked(page(code, year, null)).render(), "/");
  }

  /** One form for every action; its hidden {@code action} says which. */
  @POST
  @Operation(hidden = true)
  @Path("agencies/{code}/{year}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response act(
      @PathParam("code") String code,
      @PathParam("year") int year,
      @FormParam("token") String token,
      @FormParam("ifMatch") String ifMatch,
      @FormParam("action") String action,
      @FormParam("reason") String reason,
      @FormParam("cell") List<String> cells,
      @FormParam("comment") List<String> texts,
      @FormParam("rule") String rule,
      @FormParam("path") String path) {
    String back = "/review/agencies/" + code + "/" + year;
    return page(
        () -> {
          Agency agency = Agency.existing(code);
          Parameters.year("year", year, clock);
          Actor actor = actors.byToken(token);
          switch (action == null ? "" : action) {
            case "returned", "accepted" ->
                cycle.decide(
                    agency,
                    year,
                    actor,
                    ifMatch,
                    new ReviewRequests.Decision(action, reason, comments(cells, texts)));
            case "explained", "confirmed", "rejected" ->
                cycle.note(
                    agency,
                    year,
                    actor,
                    ifMatch,
                    new ReviewRequests.WarningNote(
                        action, rule, path == null || path.isEmpty() ? null : path, reason));
            default ->
                throw ProblemException.invalidParameter("action", "is no action of this page");
          }
          return null;
        },
        back,
        URI.create(back + "?done=" + action));
  }

  private ReviewPage page(String code, int year, String done) {
    Agency agency = Agency.existing(code);
    ReviewView review = reviews.read(code, year);
    return ReviewPage.of(code, agency.name, agency.divisionCode, year, review, done);
  }

  private static List<ReviewRequests.Comment> comments(List<String> cells, List<String> texts) {
    List<ReviewRequests.Comment> comments = new ArrayList<>();
    for (int i = 0;
        cells != null && texts != null && i < Math.min(cells.size(), texts.size());
        i++) {
      String cell = cells.get(i);
      String text = texts.get(i);
      if ((cell == null || cell.isEmpty()) && (text == null || text.isBlank())) {
        continue;
      }
      if (cell != null && cell.startsWith("section:")) {
        comments.add(new ReviewRequests.Comment(null, cell.substring("section:".length()), text));
      } else {
        comments.add(
            new ReviewRequests.Comment(cell == null || cell.isEmpty() ? null : cell, null, text));
      }
    }
    return comments;
  }

  private static Response page(java.util.function.Supplier<String> render, String back) {
    return page(render, back, null);
  }

  /** The rendered page, or a 303 to {@code then} after an action, or the problem as a page. */
  private static Response page(java.util.function.Supplier<String> render, String back, URI then) {
    try {
      String body = render.get();
      return then == null ? Response.ok(body, HTML).build() : Response.seeOther(then).build();
    } catch (ProblemException e) {
      var problem = e.problem();
      return Response.status(problem.status())
          .type(HTML)
          .entity(
              Templates.problem(problem.status(), problem.title(), problem.detail(), back).render())
          .build();
    }
  }
}
