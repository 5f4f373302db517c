"""The guided practice: the player window, the breathing pacer and the spark check-in."""
