"""The API's documentation as a page to read: the OpenAPI schema drf-spectacular generates, laid out by path."""

from dataclasses import dataclass, field
from functools import cache

from drf_spectacular.generators import SchemaGenerator

METHODS = ("get", "post", "put", "patch", "delete")


@dataclass
class Field:
    name: str
    type: str
    required: bool
    description: str
    choices: list[str] = field(default_factory=list)


@dataclass
class Operation:
    method: str
    path: str
    description: str
    parameters: list[Field]
    request: str
    responses: list[tuple[str, str]]


@dataclass
class Shape:
    name: str
    fields: list[Field]


def _type(schema: dict) -> str:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "allOf" in schema or "oneOf" in schema:
        return " | ".join(_type(part) for part in schema.get("allOf") or schema.get("oneOf"))
    if schema.get("type") == "array":
        return f"[{_type(schema.get('items', {}))}]"
    kind = schema.get("type", "object")
    return f"{kind} ({schema['format']})" if "format" in schema else kind


def _body(content: dict | None) -> str:
    if not content:
        return ""
    media = content.get("application/json") or next(iter(content.values()))
    return _type(media.get("schema", {}))


@cache
def api_reference() -> tuple[dict, list[Operation], list[Shape]]:
    """(info, operations, shapes) of the whole API, computed once per process (the API changes with the code)."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    operations = []
    for path, item in schema["paths"].items():
        for method in METHODS:
            if method not in item:
                continue
            spec = item[method]
            parameters = [
                Field(
                    name=p["name"],
                    type=_type(p.get("schema", {})),
                    required=p.get("required", False),
                    description=p.get("description", ""),
                    choices=[str(c) for c in p.get("schema", {}).get("enum", [])],
                )
                for p in spec.get("parameters", [])
            ]
            responses = [
                (code, _body(r.get("content")) or r.get("description", "")) for code, r in spec["responses"].items()
            ]
            operations.append(
                Operation(
                    method=method.upper(),
                    path=path,
                    description=spec.get("description", ""),
                    parameters=parameters,
                    request=_body(spec.get("requestBody", {}).get("content")),
                    responses=responses,
                )
            )
    shapes = []
    for name, component in sorted(schema.get("components", {}).get("schemas", {}).items()):
        required = set(component.get("required", []))
        fields = [
            Field(
                name=prop,
                type=_type(spec),
                required=prop in required,
                description=spec.get("description", ""),
                choices=[str(c) for c in spec.get("enum", [])],
            )
            for prop, spec in component.get("properties", {}).items()
        ]
        choices = [str(c) for c in component.get("enum", [])]
        if choices:
            fields = [
                Field(name="", type=component.get("type", "string"), required=False, description="", choices=choices)
            ]
        shapes.append(Shape(name=name, fields=fields))
    return schema["info"], operations, shapes
