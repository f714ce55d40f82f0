#!/usr/bin/python3
"""Drives the GTK host's window the way a screen reader or a GUI test tool
does: through AT-SPI. Reads one JSON command per line on stdin and answers
one JSON line on stdout.

  {"cmd": "find",  "role": "push button", "name": "Post"}      -> {"ok": true, "name": ..., "role": ...}
  {"cmd": "press", "role": "push button", "name": "re:^Delete"} (the Action interface's first action)
  {"cmd": "type",  "role": "text", "name": "Draft", "text": "hi"} (focus it, then real key events)
  {"cmd": "gone",  "role": "label", "name": "Posting…"}
  {"cmd": "dump"}                                                 (role and name of everything, for failures)

Names starting with "re:" are regular expressions; "within": {"role", "name"}
limits the search to one element's subtree (a dialog's buttons). Every command waits up
to "timeout" seconds (default 10) for its element.
"""
import json
import re
import sys
import time

import pyatspi

APP = "typenative"


def app():
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        candidate = desktop.getChildAtIndex(i)
        if candidate is not None and candidate.name == APP:
            return candidate
    return None


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    try:
        count = node.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1)


def matches(node, role, name):
    try:
        if role is not None:
            actual = node.getRoleName()
            if role.startswith("re:") and re.search(role[3:], actual) is None:
                return False
            if not role.startswith("re:") and actual != role:
                return False
        if name is None:
            return True
        if name.startswith("re:"):
            return re.search(name[3:], node.name or "") is not None
        return node.name == name
    except Exception:
        return False


def find(role, name, timeout, within=None):
    deadline = time.time() + timeout
    while True:
        root = app()
        if root is not None and within is not None:
            root = next((n for n in walk(root) if matches(n, within.get("role"), within.get("name"))), None)
        if root is not None:
            for node in walk(root):
                if matches(node, role, name):
                    return node
        if time.time() > deadline:
            return None
        time.sleep(0.05)


def describe(node):
    return {"ok": True, "role": node.getRoleName(), "name": node.name}


def center(node):
    extents = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return extents.x + extents.width // 2, extents.y + extents.height // 2


def type_text(node, text):
    # Focus the field as a person would: click into it.
    x, y = center(node)
    pyatspi.Registry.generateMouseEvent(x, y, "b1c")
    time.sleep(0.2)
    for char in text:
        pyatspi.Registry.generateKeyboardEvent(ord(char), None, pyatspi.KEY_SYM)
        time.sleep(0.03)


def run(command):
    cmd = command["cmd"]
    timeout = command.get("timeout", 10)
    if cmd == "dump":
        root = app()
        return {"ok": True, "nodes": [[n.getRoleName(), n.name] for n in walk(root)] if root else []}
    if cmd == "gone":
        deadline = time.time() + timeout
        while find(command.get("role"), command.get("name"), 0) is not None:
            if time.time() > deadline:
                return {"ok": False, "error": "still there"}
            time.sleep(0.05)
        return {"ok": True}
    node = find(command.get("role"), command.get("name"), timeout, command.get("within"))
    if node is None:
        return {"ok": False, "error": f"no {command.get('role')} named {command.get('name')!r}"}
    if cmd == "find":
        return describe(node)
    if cmd == "press":
        action = node.queryAction()
        action.doAction(0)
        return describe(node)
    if cmd == "type":
        type_text(node, command["text"])
        return describe(node)
    if cmd == "wheel-up":
        # Real wheel clicks upwards over the control (X button 4), as a person scrolls.
        x, y = center(node)
        for _ in range(int(command.get("clicks", 5))):
            pyatspi.Registry.generateMouseEvent(x, y, "b4c")
            time.sleep(0.05)
        return describe(node)
    if cmd == "click":
        # A real pointer click at the control's centre, for controls without an Action.
        x, y = center(node)
        pyatspi.Registry.generateMouseEvent(x, y, "b1c")
        return describe(node)
    return {"ok": False, "error": f"unknown command {cmd}"}


for line in sys.stdin:
    line = line.strip()
    if not line:
        continue
    try:
        answer = run(json.loads(line))
    except Exception as error:  # report, keep serving
        answer = {"ok": False, "error": repr(error)}
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()
