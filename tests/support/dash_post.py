"""Calling a Dash callback of a real app without a browser: the POST the browser makes to
``/_dash-update-component``, built from the app's callback map."""

from __future__ import annotations

import json

__all__ = ["post_callback"]


def _key(app, output: str, trigger_type: str) -> str:
    """The callback whose outputs include the component ``output`` and whose inputs ``trigger_type`` (an id, or a
    pattern id's type)."""
    for key, spec in app.callback_map.items():
        parts = [p.split(".")[0] for p in key.strip(".").split("...")]
        fired = any(i["id"] == trigger_type or (isinstance(_id(i["id"]), dict)
                                                and _id(i["id"]).get("type") == trigger_type) for i in spec["inputs"])
        if output in parts and fired:
            return key
    raise AssertionError(f"no callback outputs {output!r} on {trigger_type!r}")


def _id(spec_id):
    """A component id of the callback map: a pattern id is kept there as its JSON text."""
    return json.loads(spec_id) if isinstance(spec_id, str) and spec_id.startswith("{") else spec_id


def post_callback(app, output: str, trigger, value, states: dict | None = None, inputs: dict | None = None) -> dict:
    """POST the callback that writes ``output``, fired by ``trigger`` (an id; a pattern id as a dict) with
    ``value``; ``states`` and ``inputs`` give the other values by id, or by (id, property) where one id has several
    (a pattern-matching ALL input or state is given by its type, or by (type, property), as a list of
    ``{"id": …, "property": …, "value": …}``). Returns the response's ``response`` part."""
    trigger_type = trigger.get("type") if isinstance(trigger, dict) else trigger
    key = _key(app, output, trigger_type)
    spec = app.callback_map[key]
    states, inputs = states or {}, inputs or {}

    def value_of(item: dict, given: dict, fired: bool):
        item_id = _id(item["id"])
        item = {**item, "id": item_id}
        if isinstance(item_id, dict):  # a pattern: {"type": …, "id": ["ALL"]}
            type_ = item_id.get("type")
            if fired and type_ == trigger_type:
                return [{"id": trigger, "property": item["property"], "value": value}]
            return given.get((type_, item["property"]), given.get(type_, []))
        if fired and item_id == trigger:
            return {**item, "value": value}
        return {**item, "value": given.get((item_id, item["property"]), given.get(item_id))}

    outputs = [{"id": part.split(".")[0], "property": part.split(".")[1].split("@")[0]}
               for part in key.strip(".").split("...")]
    trigger_name = json.dumps(trigger, separators=(",", ":"), sort_keys=True) if isinstance(trigger, dict) else trigger
    prop = next((i["property"] for i in spec["inputs"]
                 if (isinstance(_id(i["id"]), dict) and _id(i["id"]).get("type") == trigger_type)
                 or i["id"] == trigger), None)
    assert prop is not None, f"{trigger!r} does not fire the callback of {output!r}"
    body = {"output": key, "outputs": outputs if key.startswith("..") else outputs[0],
            "inputs": [value_of(i, inputs, True) for i in spec["inputs"]],
            "state": [value_of(s, states, False) for s in spec.get("state", [])],
            "changedPropIds": [f"{trigger_name}.{prop}"]}
    response = app.server.test_client().post("/_dash-update-component", json=body)
    assert response.status_code in (200, 204), response.get_data(as_text=True)
    if response.status_code == 204:
        return {}
    return json.loads(response.get_data(as_text=True))["response"]
