"""Which address a request comes from, for the limits counted per client address.

Behind a reverse proxy every request arrives from the proxy, so one person's limit would
be everyone's. ``X-Forwarded-For`` names the real client, but anyone can send that header:
it is believed only when the request comes from a proxy the operator listed in
``STEADY_TRUSTED_PROXIES``, and then read from the right, skipping listed proxies, so a
client cannot prepend an address of its choosing.
"""

from __future__ import annotations

import ipaddress
from typing import Any

from litestar import Request

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class ClientAddresses:
    """The operator's trusted proxies, and how to find the client behind them."""

    def __init__(self, trusted: str) -> None:
        self._trusted: tuple[Network, ...] = tuple(
            ipaddress.ip_network(entry.strip(), strict=False)
            for entry in trusted.split(",")
            if entry.strip()
        )

    def _is_trusted(self, address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address.strip())
        except ValueError:
            return False
        return any(ip in network for network in self._trusted)

    def resolve(self, peer: str, forwarded_for: list[str]) -> str:
        """The client's address, given the connecting peer and any X-Forwarded-For values."""
        if not self._trusted or not self._is_trusted(peer):
            return peer
        hops = [hop.strip() for value in forwarded_for for hop in value.split(",")]
        for hop in reversed([hop for hop in hops if hop]):
            if self._is_trusted(hop):
                continue
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return peer  # a garbled header: count against the proxy, not a made-up name
        return peer


def client_address(request: Request[Any, Any, Any]) -> str:
    """The address per-address limits count against."""
    peer = request.client.host if request.client else "unknown"
    addresses: ClientAddresses = request.app.state.client_addresses
    return addresses.resolve(peer, request.headers.getall("x-forwarded-for", []))
