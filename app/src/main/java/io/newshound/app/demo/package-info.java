/** The demo: a sample news site of fictional outlets, served on localhost. */
package io.newshound.app.demo;
