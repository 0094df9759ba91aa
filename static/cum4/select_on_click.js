// A read-only field marked data-select-on-click selects its whole text when clicked, so a
// link can be copied at once (the Content-Security-Policy allows no inline handler).
document.addEventListener("click", (event) => {
  const field = event.target.closest("[data-select-on-click]");
  if (field) field.select();
});
