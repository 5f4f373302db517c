"""The Qt side of Reconnect: tray, windows and dialogs. Thin: decisions live in the core."""
