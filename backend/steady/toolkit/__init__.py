"""The crisis toolkit: a personal safety plan that works with no account and no signal."""

from steady.feature import Feature
from steady.toolkit.routes import router

FEATURE = Feature(name="toolkit", router=router)
