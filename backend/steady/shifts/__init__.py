"""Shifts: Start and End tapped on the phone, and what a shift means to other features
(the shift going on now, the days a shift ended)."""

from steady.feature import Feature
from steady.shifts.routes import router

FEATURE = Feature(name="shifts", router=router)
