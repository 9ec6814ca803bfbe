"""Facts from many documents into one Archive: committees, meetings, people; and how much of it the text gave (coverage)."""
