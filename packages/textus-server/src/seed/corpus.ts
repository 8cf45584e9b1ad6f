/**
 * What generated rows are made of: names, phone types, days and times, and the texts of inbound
 * messages, outbound messages (with `{first}`, `{user}`, `{account}`, `{day}`, `{time}` and
 * `{code}` to fill in) and notes (`{n}`).
 *
 * @module
 */

export const FIRST_NAMES = [
  'Aaliyah', 'Abel', 'Brenna', 'Cedric', 'Dahlia', 'Emmett', 'Fatima', 'Gideon', 'Harper', 'Ismael', 'Joanna', 'Kenji', 'Leona', 'Mateo', 'Noor', 'Orlando',
  'Paige', 'Quentin', 'Rosalind', 'Santiago', 'Tamsin', 'Ulises', 'Vivian', 'Wendell', 'Ximena', 'Yusuf', 'Zelda', 'Amara', 'Bruno', 'Celeste', 'Declan', 'Esme',
  'Felix', 'Gemma', 'Hector', 'Ingrid', 'José', 'Kiera', 'Lamar', 'Maeve',
] as const;
export const LAST_NAMES = [
  'Abshire', 'Bergstrom', 'Cormier', 'Dach', 'Ebert', 'Feeney', 'Gislason', 'Hahn', 'Kuhlman', 'Lindgren', 'Mraz', 'Nitzsche', 'Okuneva', 'Pfannerstill', 'Quigley',
  'Runolfsdottir', 'Schaden', 'Torphy', 'Upton', 'Veum', 'Wintheiser', 'Yundt', 'Zboncak', "O'Keefe", 'García', 'Nguyen', 'Patel', 'Kowalski', 'Haddad', 'Ito',
] as const;
export const PHONE_TYPES = ['Mobile', 'Mobile', 'Mobile', 'Mobile', 'Home', 'Work'] as const;
export const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export const TIMES = ['9:00am', '9:30am', '10:15am', '11:00am', '1:15pm', '2:30pm', '3:45pm', '4:00pm'] as const;
export const INBOUND = [
  'Yes, that works for me.',
  'Can we push it to Thursday?',
  'Thanks!',
  'Who is this?',
  'Sounds good, see you then.',
  "I'm running about 10 minutes late.",
  'What time do you close today?',
  'Got it, thank you.',
  'Do you have anything open next week?',
  'Can you send me the address again?',
  'Perfect 👍',
  "I'll call you after lunch.",
  'Is parking available on site?',
  'Can I pay online?',
  'I sent the documents this morning.',
  'How much would that be?',
  'Ok',
  'Could you resend the link? It expired.',
  "That's great news!",
  'Please call me at work instead.',
  'Is Saturday an option?',
  'Yes please',
  'No thank you',
  'Do I need to bring anything?',
  'Running late, be there by 3.',
] as const;
export const OUTBOUND = [
  'Hi {first}, this is {user} from {account}. Just confirming your appointment on {day} at {time}.',
  "Thanks {first}! We'll see you then.",
  'Hi {first}, a reminder that your documents are due {day}.',
  "No problem, I've moved you to {day} at {time}.",
  "Here's the link to complete your forms: https://example.com/f/{code}",
  'Hi {first}, we have an opening {day} at {time}. Want it?',
  "Great, you're all set.",
  'Our address is 1600 Glenarm Pl, Denver, CO 80202.',
  'Parking is free in the lot behind the building.',
  'Just checking in, {first}: any questions about the offer?',
  "We're open until 6pm today.",
  'You can pay online at https://example.com/pay/{code}',
  "Got it, I'll let the team know.",
  "Sorry to hear that, {first}. Reply anytime if things change.",
  "Hi {first}, it's {user} again. Did you get a chance to look at the estimate?",
  'Your order is ready for pickup.',
  'Thanks for your patience, {first}!',
  "I'll give you a call at {time}.",
  'Bring your ID & insurance card; check-in takes < 10 minutes.',
  'Reply YES to confirm or NO to cancel.',
] as const;
export const NOTES = [
  'Prefers texts over calls.',
  'Spanish speaker; loop in Sofia if needed.',
  'Asked not to be contacted before 10am.',
  'Customer since 2016, always pays on time.',
  'Referred by a friend; offered 10% off the first visit.',
  'Left voicemail, no answer.',
  'Interested in the weekend package.',
  'Follow up after the holidays.',
  'Paid invoice #{n} in full.',
  'Previous number on file was wrong; updated.',
  'Wants quotes in writing.',
  'Allergic to latex (per intake form).',
] as const;
