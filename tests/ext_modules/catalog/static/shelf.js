document.title = "Shelf";
