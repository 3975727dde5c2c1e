// Parse, call one service method, render JSON.
#include "modules/customfields/custom_fields_handlers.h"

#include "http/json_reader.h"
#include "http/params.h"
#include "text/fold.h"

namespace sen::customfields {

namespace {

using http::Request;
using http::Response;

void ReadLabel(const nlohmann::json& body, FieldErrors& errors, std::optional<std::string>& vi,
               std::optional<std::string>& en, bool required) {
  auto it = body.find("label");
  if (it == body.end()) {
    if (required) errors.Add("label", "is required, with vi and en", "required");
    return;
  }
  if (!it->is_object()) {
    errors.Add("label", "must be an object with vi and en", "wrong_type");
    return;
  }
  http::JsonReader in(*it, errors, "label.");
  if (auto v = in.Text("vi", 100, required)) vi = v->value_or("");
  if (auto v = in.Text("en", 100, required)) en = v->value_or("");
}

std::optional<std::vector<Option>> ReadOptions(const nlohmann::json& body, FieldErrors& errors) {
  auto it = body.find("options");
  if (it == body.end()) return std::nullopt;
  std::vector<Option> out;
  if (!it->is_array()) {
    errors.Add("options", "must be a list of {value, label: {vi, en}}", "wrong_type");
    return out;
  }
  for (const auto& o : *it) {
    if (!o.is_object() || !o.value("value", nlohmann::json()).is_string() || !o.contains("label") ||
        !o["label"].is_object() || !o["label"].value("vi", nlohmann::json()).is_string() ||
        !o["label"].value("en", nlohmann::json()).is_string()) {
      errors.Add("options", "each option must be {value, label: {vi, en}}", "wrong_type");
      return out;
    }
    out.push_back({text::Tidy(o["value"].get<std::string>()), text::Tidy(o["label"]["vi"].get<std::string>()),
                   text::Tidy(o["label"]["en"].get<std::string>())});
  }
  return out;
}

}  // namespace

void RegisterRoutes(http::Router& router, CustomFieldService& service) {
  router.Add("GET", "/api/custom-fields", [&service](Request& req) {
    std::string entity(req.Query("entity").value_or("leads"));
    bool all = req.Query("include_inactive") == std::optional<std::string_view>("true");
    auto fields = service.List(entity, all);
    Page<CustomField> page{fields, static_cast<std::int64_t>(fields.size()), {1, kMaxPageSize}};
    return Response::Json(200, http::PageJson(page, [](const CustomField& f) { return ToJson(f); }));
  });

  router.Add("POST", "/api/custom-fields", [&service](Request& req) {
    auto body = http::ParseJsonObject(req);
    if (!body) return Response::FromError(body.error());
    FieldErrors errors;
    http::JsonReader in(*body, errors);
    in.AllowOnly({"entity", "name", "type", "label", "options", "required", "position"});
    CustomField f;
    f.entity = in.Raw("entity", 40).value_or("leads");
    f.name = in.Raw("name", 40, true).value_or("");
    f.type = in.Raw("type", 20, true).value_or("");
    std::optional<std::string> vi, en;
    ReadLabel(*body, errors, vi, en, true);
    f.label_vi = vi.value_or("");
    f.label_en = en.value_or("");
    f.options = ReadOptions(*body, errors).value_or(std::vector<Option>{});
    f.required = in.Bool("required").value_or(false);
    if (auto it = body->find("position"); it != body->end()) {
      if (it->is_number_integer()) f.position = it->get<int>();
      else errors.Add("position", "must be a whole number", "wrong_type");
    }
    auto created = service.Create(*req.principal, std::move(f), std::move(errors));
    if (!created) return Response::FromError(created.error());
    return Response::Json(201, ToJson(*created));
  });

  router.Add("PATCH", "/api/custom-fields/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such custom field"));
    auto body = http::ParseJsonObject(req);
    if (!body) return Response::FromError(body.error());
    FieldErrors errors;
    http::JsonReader in(*body, errors);
    in.AllowOnly({"label", "options", "required", "active", "position"});
    FieldPatch patch;
    ReadLabel(*body, errors, patch.label_vi, patch.label_en, false);
    patch.options = ReadOptions(*body, errors);
    patch.required = in.Bool("required");
    patch.active = in.Bool("active");
    if (auto it = body->find("position"); it != body->end()) {
      if (it->is_number_integer()) patch.position = it->get<int>();
      else errors.Add("position", "must be a whole number", "wrong_type");
    }
    if (!errors.empty()) return Response::FromError(errors.ToError());
    auto updated = service.Update(*req.principal, *id, patch);
    if (!updated) return Response::FromError(updated.error());
    return Response::Json(200, ToJson(*updated));
  });

  router.Add("DELETE", "/api/custom-fields/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such custom field"));
    FieldPatch patch;
    patch.active = false;
    auto updated = service.Update(*req.principal, *id, patch);
    if (!updated) return Response::FromError(updated.error());
    return Response::NoContent();
  });
}

}  // namespace sen::customfields
