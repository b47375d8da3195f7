"""The admin's sidebar menu as a signed-in user gets it."""

import json

from bs4 import BeautifulSoup


def menu_links(client):
    """{menu item name: URL} of every link in the admin's sidebar menu."""
    response = client.get("/admin/")
    assert response.status_code == 200
    props = BeautifulSoup(response.content, "html.parser").select_one("#wagtail-sidebar-props")
    links = {}

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("name"), str) and isinstance(node.get("url"), str):
                links[node["name"]] = node["url"]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(props.string))
    return links
