// Parse, call the service, render JSON.
#include "modules/timeline/timeline_handlers.h"

#include "http/params.h"

namespace sen::timeline {

void RegisterRoutes(http::Router& router, TimelineService& service) {
  for (std::string_view type : {"lead", "target"}) {
    router.Add("GET", "/api/" + std::string(type) + "s/{id}/timeline", [&service, type](http::Request& req) {
      auto id = req.PathId();
      if (!id) return http::Response::FromError(Error::NotFound("no such " + std::string(type)));
      auto page = http::ParsePage(req);
      if (!page) return http::Response::FromError(page.error());
      auto items = type == "lead" ? service.ForLead(*req.principal, *id, *page)
                                  : service.ForTarget(*req.principal, *id, *page);
      if (!items) return http::Response::FromError(items.error());
      return http::Response::Json(200, http::PageJson(*items, [](const Item& i) { return i.json; }));
    });
  }
}

}  // namespace sen::timeline
