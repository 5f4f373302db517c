"""The composition root: builds the context, the running tray app, the windows and their wiring."""
