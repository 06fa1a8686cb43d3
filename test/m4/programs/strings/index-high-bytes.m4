index(`abécdé', `éc') index(`ÿþ', `þ')
