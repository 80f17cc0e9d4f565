// Demo wiring for examples/listing.html: what a marketplace would do with the widget's events.
/* global logEvents -- from event-log.js, loaded before this file */
const meetup = document.getElementById('meetup');
const log = document.getElementById('log');

logEvents(meetup, log, 12);

for (const button of document.querySelectorAll('[data-buyer]')) {
  button.addEventListener('click', () => {
    const [lat, lng] = button.dataset.buyer.split(',');
    if (lat) {
      meetup.setAttribute('buyer-lat', lat);
      meetup.setAttribute('buyer-lng', lng);
    } else {
      meetup.removeAttribute('buyer-lat');
      meetup.removeAttribute('buyer-lng');
    }
  });
}
document.getElementById('mode').addEventListener('change', (e) => meetup.setAttribute('mode', e.target.value));
