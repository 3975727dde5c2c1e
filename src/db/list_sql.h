// A list query's WHERE text and its bound values, assembled from fixed fragments: values are
// always bound, never written into the SQL.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.h"

namespace sen::db {

// The parameters point at the strings they bind, which live here.
struct ListSql {
  std::string where;
  Params params;
  std::deque<std::string> texts;  // owns bound strings: a deque's push_back moves none of them

  ListSql() = default;
  ListSql(ListSql&&) = default;  // a move keeps the strings where they are; a copy would not
  ListSql& operator=(ListSql&&) = default;
  ListSql(const ListSql&) = delete;
  void Bind(std::string value) {
    texts.push_back(std::move(value));
    params.emplace_back(texts.back());
  }
};

// " AND column IN (?, ...)" with `values` bound (they must outlive the query); at least one.
template <typename T>
void AddIn(ListSql& q, std::string_view column, const std::vector<T>& values) {
  q.where.append(" AND ").append(column).append(" IN (?");
  for (size_t i = 1; i < values.size(); ++i) q.where += ", ?";
  q.where += ")";
  for (const auto& v : values) q.params.emplace_back(v);
}

// `condition` (" AND column = ?", one placeholder) with `value` bound, when there is a value.
template <typename T>
void AddIfSet(ListSql& q, std::string_view condition, const std::optional<T>& value) {
  if (!value) return;
  q.where += condition;
  q.params.emplace_back(*value);
}

// The smallest string greater than every string starting with `prefix`: the end of an index
// range for a prefix search.
inline std::string PrefixEnd(std::string prefix) {
  while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) == 0xff) prefix.pop_back();
  if (!prefix.empty()) prefix.back() = static_cast<char>(prefix.back() + 1);
  return prefix;
}

}  // namespace sen::db
