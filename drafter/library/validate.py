"""Is a library file sound? Its JSON Schema (drafter/data) and the grammar of its templates.

Every problem is a LibraryError that knows its file and line. Validation runs when a library is
mined, when `drafter library check` runs, and when the index finds that a file changed since it
was last read; never on every command (a file the index has already read is known to be sound).

Two validators: a compiled one (fastjsonschema) answers "sound or not" quickly; only a file that
is not sound is gone over again by jsonschema, which lists every problem with its place, and
only then is the YAML composed again to find the lines.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from drafter.errors import LibraryError
from drafter.library import emit, templates
from drafter.library.schema import format_schema


@lru_cache(maxsize=None)
def _fast(kind: str):
    import fastjsonschema

    return fastjsonschema.compile(format_schema(kind))


def read_yaml(path: Path) -> tuple[str, Any]:
    """The text and data of a YAML file; LibraryError (with the line) when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise LibraryError(f"cannot read: {error}", path, 1) from None
    try:
        return text, emit.load(text)
    except emit.NotYAML as error:
        raise LibraryError(error.message, path, error.line or 1) from None


def check_file(path: Path, kind: str) -> tuple[list[LibraryError], dict[str, Any]]:
    """Problems (each knows its file and line), and the data (empty when it has problems)."""
    try:
        text, data = read_yaml(path)
    except LibraryError as error:
        return [error], {}
    problems = check_data(data, kind, path, text)
    return problems, ({} if problems else data)


def check_data(data: Any, kind: str, path: Path, text: str | None = None) -> list[LibraryError]:
    """Problems of one file's data ("family" or "manifest"); `text`, when given, gives the lines."""
    if not isinstance(data, dict):
        return [LibraryError(f"expected a mapping of keys, found {type(data).__name__}", path, 1)]
    found = _schema_problems(data, kind)
    if not found and kind == "family":
        found = template_problems(data)
    if not found:
        return []
    import yaml

    node = yaml.compose(text, Loader=yaml.SafeLoader) if text else None    # only now: it knows the lines
    return [LibraryError(f"{'/'.join(map(str, where)) or '(top)'}: {message}", path, _node_line(node, where))
            for where, message in found]


def _schema_problems(data: dict[str, Any], kind: str) -> list[tuple[list, str]]:
    import fastjsonschema

    try:
        _fast(kind)(data)
        return []
    except fastjsonschema.JsonSchemaException as fast_error:
        import jsonschema

        errors = sorted(jsonschema.Draft202012Validator(format_schema(kind)).iter_errors(data),
                        key=lambda e: list(map(str, e.absolute_path)))
        if errors:
            return [(list(e.absolute_path), e.message) for e in errors]
        return [(list(fast_error.path or [])[1:], fast_error.message)]


def template_problems(data: dict[str, Any]) -> list[tuple[list, str]]:
    """Templates outside the grammar, parameters a template uses but its variant does not declare,
    and declared parameters the family's schema does not describe."""
    described = set(data["schema"].get("properties", {}))
    found: list[tuple[list, str]] = []
    for i, variant in enumerate(data["variants"]):
        declared = set(variant.get("parameters") or ())
        for name in sorted(declared - described):
            found.append((["variants", i, "parameters"], f"{name} is not described in the family's schema"))
        for where, template in _templates(variant, ["variants", i]):
            problem = templates.check(template)
            if problem is None:
                unknown = templates.names(template) - declared
                problem = f"uses {', '.join(sorted(unknown))}, not among the variant's parameters" if unknown else None
            if problem:
                found.append((where, problem))
    return found


def _templates(variant: dict[str, Any], where: list):
    yield [*where, "template"], variant["template"]
    for j, note in enumerate(variant.get("footnotes") or ()):
        yield [*where, "footnotes", j], note
    yield from _sub_templates(variant.get("subparagraphs") or (), where)


def _sub_templates(subs, where: list):
    for j, sub in enumerate(subs):
        at = [*where, "subparagraphs", j]
        yield [*at, "template"], sub["template"]
        yield from _sub_templates(sub.get("subparagraphs") or (), at)


def _node_line(node, path: list) -> int:
    """The line of the YAML node (yaml.Node, or None) at `path` (keys and indexes), or of its
    nearest parent."""
    import yaml

    line = node.start_mark.line + 1 if node is not None else 1
    for step in path:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == step), None)
            if match is None:
                return line
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            return line
        line = node.start_mark.line + 1
    return line
