/** Baton's web pages, rendered on the server: signing in, one's account, and the pages both teams open. */
@NullMarked
package dev.baton.adapter.web;

import org.jspecify.annotations.NullMarked;
