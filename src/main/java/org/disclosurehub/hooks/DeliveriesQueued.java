package org.disclosurehub.hooks;

/**
 * The writing transaction queued at least one webhook delivery: once it commits, idle workers look
 * at once. A change no subscription covers queues none and wakes nobody.
 */
record DeliveriesQueued() {}
