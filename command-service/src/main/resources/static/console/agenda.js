// Drag and drop for the draft agenda, on top of the Move up / Move down forms (which work without it): an item
// dropped in a new place submits the agenda's reorder form with the new order, the same post the buttons make.
(function () {
    'use strict';
    function enhance(list) {
        var form = document.getElementById(list.getAttribute('data-order-form'));
        if (!form) {
            return;
        }
        var dragged = null;
        var before = null;

        function order() {
            return Array.prototype.map.call(list.querySelectorAll(':scope > li[data-item]'), function (li) {
                return li.getAttribute('data-item');
            });
        }

        list.addEventListener('dragstart', function (e) {
            var li = e.target.closest('li[data-item]');
            if (!li || li.parentNode !== list) {
                return;
            }
            dragged = li;
            before = order().join(' ');
            li.classList.add('dragging');
            e.dataTransfer.effectAllowed = 'move';
            e.dataTransfer.setData('text/plain', li.getAttribute('data-item'));
        });

        list.addEventListener('dragover', function (e) {
            if (!dragged) {
                return;
            }
            e.preventDefault();
            e.dataTransfer.dropEffect = 'move';
            var over = e.target.closest('li[data-item]');
            if (!over || over === dragged || over.parentNode !== list) {
                return;
            }
            var box = over.getBoundingClientRect();
            var after = e.clientY > box.top + box.height / 2;
            list.insertBefore(dragged, after ? over.nextSibling : over);
        });

        list.addEventListener('drop', function (e) {
            if (!dragged) {
                return;
            }
            e.preventDefault();
            finish();
        });

        list.addEventListener('dragend', function () {
            if (dragged) {
                finish();
            }
        });

        function finish() {
            var li = dragged;
            dragged = null;
            li.classList.remove('dragging');
            var now = order();
            if (now.join(' ') === before) {
                return;
            }
            Array.prototype.forEach.call(form.querySelectorAll('input[name="itemIds"]'), function (input) {
                input.remove();
            });
            now.forEach(function (id) {
                var input = document.createElement('input');
                input.type = 'hidden';
                input.name = 'itemIds';
                input.value = id;
                form.appendChild(input);
            });
            form.submit();
        }
    }

    document.addEventListener('DOMContentLoaded', function () {
        Array.prototype.forEach.call(document.querySelectorAll('ol[data-order-form]'), enhance);
    });
})();
