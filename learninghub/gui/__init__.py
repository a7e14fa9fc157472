"""The desktop app: a thin PySide6 layer over ``learninghub.core``.

Screens show and collect; every change goes through a core service.
"""
