"""From bytes to a Document: the writer's file kept as it is (Source), the prose view with
markup blanked, and the article's parts, paragraphs, sentences, words and quotations."""
