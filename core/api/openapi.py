"""The OpenAPI 3.1 document of one tenant's API, generated from its metadata."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from core import perms
from core.api.http import handle, json_response
from core.auth.request import require_login
from core.context import Context
from core.meta.doctype import DocField, DocTypeMeta

JSON_TYPES = {"Int": {"type": "integer"}, "Check": {"type": "integer", "enum": [0, 1]},
              "Float": {"type": "number"}, "Currency": {"type": "number"},
              "Percent": {"type": "number"}, "Date": {"type": "string", "format": "date"},
              "Datetime": {"type": "string", "format": "date-time"},
              "Time": {"type": "string", "format": "time"}, "JSON": {}}
ERROR = {"$ref": "#/components/schemas/Error"}


def field_schema(f: DocField) -> dict[str, Any]:
    if f.is_table:
        return {"type": "array", "items": {"$ref": f"#/components/schemas/{_key(f.options)}"}}
    schema = dict(JSON_TYPES.get(f.fieldtype, {"type": "string"}))
    if f.fieldtype == "Select" and f.select_options:
        schema["enum"] = f.select_options
    if f.label:
        schema["title"] = f.label
    if f.description:
        schema["description"] = f.description
    return schema


def doc_schema(meta: DocTypeMeta) -> dict[str, Any]:
    props: dict[str, Any] = {"name": {"type": "string"},
                             "docstatus": {"type": "integer", "enum": [0, 1, 2]},
                             "modified": {"type": "string"}}
    props.update({f.fieldname: field_schema(f) for f in meta.fields if not f.is_layout})
    required = [f.fieldname for f in meta.fields if f.reqd and not f.is_layout]
    return {"type": "object", "properties": props,
            **({"required": required} if required else {})}


def _key(doctype: str) -> str:
    return doctype.replace(" ", "_")


def _paths(meta: DocTypeMeta) -> dict[str, Any]:
    ref = {"$ref": f"#/components/schemas/{_key(meta.name)}"}
    one = {"content": {"application/json": {"schema": {
        "type": "object", "properties": {"data": ref}}}}}
    errors = {str(s): {"description": d, "content": {"application/json": {"schema": ERROR}}}
              for s, d in ((400, "Bad request"), (401, "Not logged in"),
                           (403, "Not permitted"), (404, "Not found"), (409, "Conflict"),
                           (422, "Invalid document"))}
    tag = [meta.module]
    base = f"/api/resource/{meta.name}"
    list_params = [{"name": n, "in": "query", "schema": {"type": t}} for n, t in (
        ("fields", "string"), ("filters", "string"), ("order_by", "string"),
        ("limit_start", "integer"), ("limit_page_length", "integer"))]
    body = {"required": True, "content": {"application/json": {"schema": ref}}}
    name = [{"name": "name", "in": "path", "required": True, "schema": {"type": "string"}}]
    return {
        base: {
            "get": {"tags": tag, "summary": f"List {meta.name}", "parameters": list_params,
                    "responses": {"200": {"description": "Documents", "content": {
                        "application/json": {"schema": {"type": "object", "properties": {
                            "data": {"type": "array", "items": {"type": "object"}}}}}}},
                        **errors}},
            "post": {"tags": tag, "summary": f"Create {meta.name}", "requestBody": body,
                     "responses": {"200": {"description": "Created", **one}, **errors}},
        },
        base + "/{name}": {
            "parameters": name,
            "get": {"tags": tag, "summary": f"Read {meta.name}",
                    "responses": {"200": {"description": "The document", **one}, **errors}},
            "put": {"tags": tag, "summary": f"Update {meta.name}", "requestBody": body,
                    "responses": {"200": {"description": "Updated", **one}, **errors}},
            "delete": {"tags": tag, "summary": f"Delete {meta.name}",
                       "responses": {"200": {"description": "Deleted"}, **errors}},
        },
    }


def build_document(ctx: Context) -> dict[str, Any]:
    paths: dict[str, Any] = {}
    schemas: dict[str, Any] = {"Error": {"type": "object", "required": ["exc_type", "message"],
                                         "properties": {"exc_type": {"type": "string"},
                                                        "message": {"type": "string"},
                                                        "field": {"type": "string"}}}}
    for meta in sorted(ctx.schema.doctypes.values(), key=lambda m: m.name):
        schemas[_key(meta.name)] = doc_schema(meta)
        if not meta.istable and perms.has_right(ctx, meta.name, "read"):
            paths.update(_paths(meta))
    return {"openapi": "3.1.0",
            "info": {"title": f"{ctx.tenant.name} API", "version": "1"},
            "components": {"schemas": schemas, "securitySchemes": {
                "token": {"type": "apiKey", "in": "header", "name": "Authorization",
                          "description": "token api_key:api_secret"}}},
            "security": [{"token": []}], "paths": paths}


def openapi(ctx: Context, request: Request, body: dict[str, Any]) -> Response:
    require_login(ctx)
    return json_response(build_document(ctx))


async def openapi_route(request: Request) -> Response:
    return await handle(request, openapi)


routes = [Route("/api/openapi.json", openapi_route, methods=["GET"])]
