"""Expected answers of the exercises of notebooks 03 and 04 (registered with statusquo.exercises)."""
