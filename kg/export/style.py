"""One colour per node type, shared by GEXF, DOT and the HTML explorer so they look alike."""

from __future__ import annotations

TYPE_COLORS = {
    "Person": "#4e79a7", "Organization": "#f28e2b", "Country": "#e15759", "Place": "#76b7b2",
    "Group": "#59a14f", "Meeting": "#edc948", "Statement": "#b07aa1", "Agreement": "#9c755f",
}
OTHER_COLOR = "#bab0ac"


def color_of(node_type: str) -> str:
    return TYPE_COLORS.get(node_type, OTHER_COLOR)


def rgb(hex_color: str) -> tuple[int, int, int]:
    h = hex_color.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)

#: One colour per edge type in the HTML explorer (kg viz, kg serve): the colour of the fact behind it.
EDGE_COLORS = {
    "met_with": "#d4a017", "stated_about": "#b07aa1", "role": "#7f8fa6", "agreed_with": "#9c755f",
    "contests": "#d62728", "part_of": "#bab0ac", "cluster": "#c7ccd6",
}
OTHER_EDGE_COLOR = "#aaaaaa"


def edge_color_of(edge_type: str) -> str:
    return EDGE_COLORS.get(edge_type, OTHER_EDGE_COLOR)
