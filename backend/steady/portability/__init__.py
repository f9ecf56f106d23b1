"""Your data is yours: export everything (JSON, CSV) and import it back, without duplicates."""

from steady.feature import Feature
from steady.portability.routes import router

FEATURE = Feature(name="portability", router=router, has_tables=False)
