"""Micro-commitments: one small thing at a time, kept offline, with progress that never shames."""

from steady.commitments.routes import router
from steady.feature import Feature

FEATURE = Feature(name="commitments", router=router)
