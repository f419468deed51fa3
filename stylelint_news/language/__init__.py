"""What the rules know about English: word frequencies and pairs, spelling and its variants,
confusable words, parts of speech, people's names, and the closed word lists we curate."""
