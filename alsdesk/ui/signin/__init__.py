"""Who is at the keyboard: sign-in, the first administrator, unlocking an encrypted database, the
idle lock, switching user, and what the signed-in role may use (`roles`)."""
