"""The tray icon, its stand-in window, the prompt, and the thin adapter that drives them."""
