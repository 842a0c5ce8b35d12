-- R17, R25 (and R7): the approved replenishment script, version 1, seeded like the demo scripts (V23). The head
-- writes later versions over HTTP. The call checks that the supply is running out, offers the same product (and a
-- bigger pack), then the usual upsell offer (R7) and the order summary.
INSERT INTO script_version (id, code, version, status, title, start_step, steps, created_by, created_at, approved_by, approved_at)
VALUES
('6f1d2c3a-0000-4000-8000-000000000005', 'replenishment', 1, 'APPROVED', 'Пополнение запаса: повторный заказ', 'greeting', '[
 {"id":"greeting","prompt":"Здравствуйте! Меня зовут {менеджер}, компания «Лактомин». Удобно сейчас говорить?","mandatory":true,"offer":false,
  "answers":[{"value":"да","next":"supply"},{"value":"нет","next":"callback"}]},
 {"id":"supply","prompt":"По нашим расчётам, {товар} у вас заканчивается примерно {дата}. Всё верно?","mandatory":true,"offer":false,
  "answers":[{"value":"заканчивается","next":"same-product"},{"value":"ещё есть","next":"remind-later"}]},
 {"id":"same-product","prompt":"Оформим повторный заказ того же товара, чтобы он пришёл до того, как закончится?","mandatory":true,"offer":true,
  "answers":[{"value":"да","next":"bigger-pack"},{"value":"нет","next":"reason"}]},
 {"id":"bigger-pack","prompt":"Есть упаковка побольше: порция в ней выходит дешевле. Взять её вместо обычной?","mandatory":false,"offer":true,
  "answers":[{"value":"принято","next":"upsell"},{"value":"отклонено","next":"upsell"}]},
 {"id":"upsell","prompt":"К заказу рекомендуем предложение из карты допродаж для вашего типа клиента. Добавить?","mandatory":true,"offer":true,
  "answers":[{"value":"принято","next":"summary"},{"value":"отклонено","next":"summary"}]},
 {"id":"summary","prompt":"Повторите состав заказа, сумму, доставку и оплату. Всё верно?","mandatory":true,"offer":false,
  "answers":[{"value":"да","next":"goodbye"},{"value":"нет","next":"same-product"}]},
 {"id":"reason","prompt":"Подскажите, почему больше не нужен? (перешли на другой продукт, хватает запаса, не подошёл)","mandatory":false,"offer":false,"freeAnswer":true,"next":"goodbye"},
 {"id":"remind-later","prompt":"Когда вам удобно, чтобы мы напомнили?","mandatory":false,"offer":false,"freeAnswer":true,"next":"goodbye"},
 {"id":"callback","prompt":"Когда вам перезвонить?","mandatory":false,"offer":false,"freeAnswer":true,"next":"goodbye"},
 {"id":"goodbye","prompt":"Спасибо за разговор! Хорошего дня.","mandatory":true,"offer":false}
]', 'system', now(), 'system', now());
