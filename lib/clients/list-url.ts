import type { Route } from "next";
import type { ClientListQuery } from "../validations/clients";

/** The clients list's address for a view; defaults are left out so links stay short. */
export function clientListHref(query: Partial<ClientListQuery>, base = "/clients"): Route {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.status) params.set("status", query.status);
  if (query.sort && query.sort !== "name") params.set("sort", query.sort);
  if (query.dir && query.dir !== "asc") params.set("dir", query.dir);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return (search ? `${base}?${search}` : base) as Route;
}
