"""Grounding: guided exercises (content in the PWA) and the sessions people play."""

from steady.feature import Feature
from steady.grounding.routes import router

FEATURE = Feature(name="grounding", router=router)
