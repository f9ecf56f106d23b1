"""Peer sharing: invites, connections, summaries chosen part by part, replies, withdrawal."""

from steady.feature import Feature
from steady.sharing.routes import router

FEATURE = Feature(name="sharing", router=router)
