/**
 * Business time: which instants a calendar is open, and spans counted in open time. Pure functions of an explicit
 * {@link java.time.ZoneId}; public holidays come in through the {@link dev.baton.core.calendar.HolidayRegions} port.
 */
@NullMarked
package dev.baton.core.calendar;

import org.jspecify.annotations.NullMarked;
