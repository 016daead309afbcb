"""Actors: dictionaries of countries, people, organisations and agent words; resolution of event arguments
to actors (metonymy, coordination, light coreference).  See docs/actors.md."""

from whimbrel.actors.resolver import ActorResolver, ArticleActors

__all__ = ["ActorResolver", "ArticleActors"]
