// Loaded in <head> before the page is drawn: parts that need JavaScript show from the start.
document.documentElement.classList.add("js");
