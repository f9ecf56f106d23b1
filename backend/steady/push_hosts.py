"""Where the server may send pushes: the allowlist of push services and the address guard.

A push subscription's endpoint is a URL a browser hands over, so to the server it is an
address a user names. Pushes go only to the listed push services, over https, and never to
a loopback, private, link-local or multicast address (the internal network) unless an
operator listed that exact ``http://HOST:PORT`` (a stand-in push service for tests or local
development). The endpoint is checked when it is registered and again before each send, and
the address a name resolves to is checked at connect time, so DNS cannot point a listed
name inward either.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

ENDPOINT_MAX_BYTES = 2048


class EndpointRefused(ValueError):
    """The endpoint is not one Steady may send to; the message says why, in plain words."""


@dataclass(frozen=True)
class PushHosts:
    """The operator's ``STEADY_PUSH_HOSTS``, parsed once."""

    names: frozenset[str]
    suffixes: tuple[str, ...]
    # Plain-HTTP stand-ins, listed as http://HOST:PORT: the only ones that may be local.
    plain: frozenset[tuple[str, int]]

    @classmethod
    def parse(cls, listed: str) -> PushHosts:
        """Read the comma-separated list (names, ``.suffix`` entries, ``http://HOST:PORT``)."""
        names: set[str] = set()
        suffixes: list[str] = []
        plain: set[tuple[str, int]] = set()
        for raw in listed.split(","):
            entry = raw.strip().lower()
            if not entry:
                continue
            if entry.startswith("http://"):
                parts = urlsplit(entry)
                if not parts.hostname or parts.port is None:
                    raise SystemExit(
                        f"Steady configuration error: push host {raw.strip()!r} needs a port"
                    )
                plain.add((parts.hostname, parts.port))
            elif entry.startswith("."):
                suffixes.append(entry)
            else:
                names.add(entry)
        return cls(frozenset(names), tuple(suffixes), frozenset(plain))

    def check(self, endpoint: str) -> SplitResult:
        """The endpoint's parts; ``EndpointRefused`` if Steady must never send to it. A push
        reads the parts from here for its VAPID header and its connection too: one parse
        a push, however many people's endpoints a pass sends to."""
        if not endpoint.isascii() or not endpoint.isprintable() or " " in endpoint:
            raise EndpointRefused("must be a plain web address (ASCII, no spaces)")
        if len(endpoint.encode()) > ENDPOINT_MAX_BYTES:
            raise EndpointRefused(f"must be at most {ENDPOINT_MAX_BYTES} bytes long")
        try:
            parts = urlsplit(endpoint)
            port = parts.port
        except ValueError as error:
            raise EndpointRefused("is not a web address Steady can read") from error
        host = (parts.hostname or "").lower()
        if "@" in parts.netloc:
            raise EndpointRefused("must not carry a user name or password")
        if parts.scheme == "http":
            if (host, port) not in self.plain:
                raise EndpointRefused("must use https and a known push service")
            return parts
        if parts.scheme != "https" or not host:
            raise EndpointRefused("must be an https address of a push service")
        if port not in {None, 443}:
            raise EndpointRefused("must use the push service's usual port")
        if not self.is_listed(host):
            raise EndpointRefused("is not a push service Steady sends to")
        return parts

    def is_listed(self, host: str) -> bool:
        """Whether pushes may go to this host name over https."""
        return host in self.names or any(host.endswith(suffix) for suffix in self.suffixes)

    def may_connect(self, scheme: str, host: str, port: int, address: str) -> bool:
        """Whether a connection to ``address`` (what ``host`` resolved to) is allowed."""
        if scheme == "http" and (host.lower(), port) in self.plain:
            return True
        return is_public_address(address)


def is_public_address(address: str) -> bool:
    """Whether an IP address is on the public internet (not loopback, private, link-local,
    multicast, reserved or unspecified; IPv4 inside IPv6 is judged as IPv4)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )
