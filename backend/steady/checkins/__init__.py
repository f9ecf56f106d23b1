"""Check-ins: mood, energy, stress and connection, recorded offline and synced once."""

from steady.checkins.routes import router
from steady.feature import Feature

FEATURE = Feature(name="checkins", router=router)
