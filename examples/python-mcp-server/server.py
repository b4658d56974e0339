"""A small MCP server: notes kept in memory, plus a tool that fetches a URL's status.

Run it over stdio with `python server.py`; any MCP client (Claude Desktop, the MCP Inspector)
can then list and call its tools.
"""

import requests
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("notes")
NOTES: dict[str, str] = {}


@mcp.tool()
def add_note(title: str, body: str) -> str:
    """Store a note under a title."""
    NOTES[title] = body
    return f"saved {title!r} ({len(body)} characters)"


@mcp.tool()
def list_notes() -> list[str]:
    """List the titles of the stored notes."""
    return sorted(NOTES)


@mcp.tool()
def read_note(title: str) -> str:
    """Return the body of a note."""
    return NOTES.get(title, f"no note called {title!r}")


@mcp.tool()
def url_status(url: str) -> int:
    """Return the HTTP status code of a URL (HEAD request, 5 s timeout)."""
    return requests.head(url, timeout=5, allow_redirects=True).status_code


if __name__ == "__main__":
    mcp.run()
