"""Piccolo's configuration module (``PICCOLO_CONF=steady.piccolo_conf``).

``DB`` is whichever engine ``steady.db`` has made active, so the app, the tests and the
``piccolo`` command line all migrate and query the same database; the registered apps
are the features listed in ``steady.app``.
"""

from typing import Any

from piccolo.conf.apps import AppRegistry

from steady import db


def __getattr__(name: str) -> Any:
    if name == "DB":
        return db.current_engine()
    if name == "APP_REGISTRY":
        from steady.app import FEATURES

        return AppRegistry(apps=[f.piccolo_app for f in FEATURES if f.has_tables])
    raise AttributeError(name)
