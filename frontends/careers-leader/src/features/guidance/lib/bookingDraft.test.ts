import { describe, expect, it } from 'vitest';
import { bookingWhen, draftOfBooking, toBookingInput, toMoveInput, validateBooking, type BookingDraft } from './bookingDraft';

// 6 December 2026, 10:00 in England.
const now = new Date('2026-12-06T10:00:00Z');
const draft: BookingDraft = { date: '2026-12-08', time: '14:15', adviserName: ' Dana Whitfield ', location: ' Library ' };

describe('validateBooking', () => {
  it('accepts a day ahead with or without a time', () => {
    expect(validateBooking(draft, 3, now)).toEqual({});
    expect(validateBooking({ ...draft, time: '', location: '' }, 3, now)).toEqual({});
  });

  it('puts each problem on its field: a time passed today on the time, a day gone by on the date', () => {
    expect(validateBooking({ ...draft, date: '2026-12-06', time: '09:00' }, 3, now)).toEqual({ time: 'That time today has passed: choose a later time' });
    expect(validateBooking({ ...draft, date: '2026-12-05', adviserName: '' }, 3, now)).toEqual({
      date: 'A booking is for a meeting still to come: choose today or a later day',
      adviserName: "Enter the adviser's name",
    });
    expect(validateBooking({ ...draft, date: '' }, 3, now)).toEqual({ date: 'Enter the date of the meeting' });
    expect(validateBooking({ ...draft, time: '25:00' }, 3, now)).toEqual({ time: 'Enter the time as hours and minutes, for example 09:30, or leave it empty' });
  });
});

describe('toBookingInput', () => {
  it('sends the time on a clock in England, or the day alone', () => {
    expect(toBookingInput(['a', 'b'], draft)).toEqual({
      pupilIds: ['a', 'b'],
      date: '2026-12-08T14:15:00.000Z',
      hasTime: true,
      adviserName: 'Dana Whitfield',
      location: 'Library',
    });
    expect(toBookingInput(['a'], { ...draft, date: '2027-06-08', time: '14:15', location: '' })).toMatchObject({
      date: '2027-06-08T13:15:00.000Z',
      hasTime: true,
      location: null,
    });
    expect(toBookingInput(['a'], { ...draft, time: '' })).toMatchObject({ date: '2026-12-08T12:00:00.000Z', hasTime: false });
  });

  it('says when in words', () => {
    expect(bookingWhen(draft)).toBe('8 December 2026 at 14:15');
    expect(bookingWhen({ ...draft, time: '' })).toBe('8 December 2026');
  });
});

describe('moving a booking', () => {
  it('starts from the booking as it is, in England, and sends the new time and place', () => {
    // 10:30 in London on 4 March 2027 (GMT) and 14:00 on 4 June 2027 (BST).
    const winter = draftOfBooking({ date: '2027-03-04T10:30:00.000Z', hasTime: true, adviserName: 'Dana', location: 'Library' });
    expect(winter).toEqual({ date: '2027-03-04', time: '10:30', adviserName: 'Dana', location: 'Library' });
    expect(draftOfBooking({ date: '2027-06-04T13:00:00.000Z', hasTime: true, adviserName: 'Dana', location: null })).toEqual({
      date: '2027-06-04',
      time: '14:00',
      adviserName: 'Dana',
      location: '',
    });
    expect(draftOfBooking({ date: '2027-06-04T12:00:00.000Z', hasTime: false, adviserName: 'Dana', location: null }).time).toBe('');
    expect(toMoveInput('m1', { ...winter, date: '2027-06-04', time: '14:00', location: ' ' })).toEqual({
      id: 'm1',
      date: '2027-06-04T13:00:00.000Z',
      hasTime: true,
      location: null,
    });
  });
});
