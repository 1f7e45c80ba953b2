// Shows and hides the extra text, to give the fixture a script that runs
// under the Content-Security-Policy without error.
document.documentElement.classList.add('js');
document.getElementById('toggle')?.addEventListener('click', () => {
  const more = document.getElementById('more');
  more.hidden = !more.hidden;
});
