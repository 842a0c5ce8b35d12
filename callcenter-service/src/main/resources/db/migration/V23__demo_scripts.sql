-- R17 (and R13, R14, R15, R7): the demo scripts, approved, version 1. The head writes later versions over HTTP.
INSERT INTO script_version (id, code, version, status, title, start_step, steps, created_by, created_at, approved_by, approved_at)
VALUES
('6f1d2c3a-0000-4000-8000-000000000001', 'dormant-customer', 1, 'APPROVED', 'Реактивация «заснувшего» клиента', 'greeting', '[
 {"id":"greeting","prompt":"Здравствуйте! Меня зовут {менеджер}, компания «Лактомин». Удобно сейчас говорить?","mandatory":true,"offer":false,
  "answers":[{"value":"да","next":"reason"},{"value":"нет","next":"callback"}]},
 {"id":"reason","prompt":"Давно не видели ваших заказов. Подскажите, почему перестали заказывать?","mandatory":true,"offer":false,"freeAnswer":true,"next":"offer"},
 {"id":"offer","prompt":"Для вас персональная скидка 5% на следующий заказ и новинки по вашему профилю. Оформим заказ?","mandatory":true,"offer":true,
  "answers":[{"value":"да","next":"order"},{"value":"нет","next":"goodbye"}]},
 {"id":"order","prompt":"Переведите клиента на оформление телефонного заказа.","mandatory":false,"offer":false,"next":"goodbye"},
 {"id":"callback","prompt":"Когда вам удобно, чтобы мы перезвонили?","mandatory":false,"offer":false,"freeAnswer":true,"next":"goodbye"},
 {"id":"goodbye","prompt":"Спасибо за разговор! Хорошего дня.","mandatory":true,"offer":false}
]', 'system', now(), 'system', now()),
('6f1d2c3a-0000-4000-8000-000000000002', 'unpaid-order', 1, 'APPROVED', 'Неоплаченный онлайн-заказ', 'greeting', '[
 {"id":"greeting","prompt":"Здравствуйте! Компания «Лактомин». Вы оформили заказ на сайте, но оплата не прошла. Удобно говорить?","mandatory":true,"offer":false,
  "answers":[{"value":"да","next":"still-wanted"},{"value":"нет","next":"callback"}]},
 {"id":"still-wanted","prompt":"Заказ ещё актуален?","mandatory":true,"offer":false,
  "answers":[{"value":"да","next":"payment"},{"value":"нет","next":"cancel-reason"}]},
 {"id":"payment","prompt":"Как вам удобнее оплатить: повторить онлайн-оплату по ссылке или сменить способ оплаты?","mandatory":true,"offer":false,
  "answers":[{"value":"ссылка","next":"goodbye"},{"value":"сменить способ","next":"change-method"}]},
 {"id":"change-method","prompt":"Предложите оплату при получении, подходящую к способу доставки, и запишите выбор.","mandatory":false,"offer":false,"freeAnswer":true,"next":"goodbye"},
 {"id":"cancel-reason","prompt":"Подскажите, почему заказ больше не нужен?","mandatory":false,"offer":false,"freeAnswer":true,"next":"goodbye"},
 {"id":"callback","prompt":"Когда вам перезвонить?","mandatory":false,"offer":false,"freeAnswer":true,"next":"goodbye"},
 {"id":"goodbye","prompt":"Спасибо! Хорошего дня.","mandatory":true,"offer":false}
]', 'system', now(), 'system', now()),
('6f1d2c3a-0000-4000-8000-000000000003', 'order-ready', 1, 'APPROVED', 'Заказ готов: подтверждение оплаты и доставки', 'greeting', '[
 {"id":"greeting","prompt":"Здравствуйте! Компания «Лактомин». Ваш заказ собран и готов к выдаче. Удобно говорить?","mandatory":true,"offer":false,
  "answers":[{"value":"да","next":"delivery"},{"value":"нет","next":"callback"}]},
 {"id":"delivery","prompt":"Подтвердите, пожалуйста, адрес, дату и интервал доставки (или пункт выдачи).","mandatory":true,"offer":false,
  "answers":[{"value":"подтверждено","next":"payment"},{"value":"изменить","next":"change-delivery"}]},
 {"id":"change-delivery","prompt":"Запишите новые условия доставки.","mandatory":false,"offer":false,"freeAnswer":true,"next":"payment"},
 {"id":"payment","prompt":"Подтвердите способ оплаты: заказ оплачен или оплата при получении?","mandatory":true,"offer":false,
  "answers":[{"value":"оплачен","next":"goodbye"},{"value":"при получении","next":"goodbye"}]},
 {"id":"callback","prompt":"Когда вам перезвонить?","mandatory":false,"offer":false,"freeAnswer":true,"next":"goodbye"},
 {"id":"goodbye","prompt":"Спасибо! Ждём вас.","mandatory":true,"offer":false}
]', 'system', now(), 'system', now()),
('6f1d2c3a-0000-4000-8000-000000000004', 'phone-order-upsell', 1, 'APPROVED', 'Телефонный заказ с допродажей', 'greeting', '[
 {"id":"greeting","prompt":"Здравствуйте! Компания «Лактомин», меня зовут {менеджер}. Чем могу помочь?","mandatory":true,"offer":false,"freeAnswer":true,"next":"items"},
 {"id":"items","prompt":"Уточните товары, вкус, фасовку и количество; назовите сумму.","mandatory":true,"offer":false,"freeAnswer":true,"next":"upsell-1"},
 {"id":"upsell-1","prompt":"К вашему заказу рекомендуем первое предложение из карты допродаж. Добавить?","mandatory":true,"offer":true,
  "answers":[{"value":"принято","next":"upsell-2"},{"value":"отклонено","next":"upsell-2"}]},
 {"id":"upsell-2","prompt":"Также есть второе предложение (новинка или позиция по указанию руководства). Добавить?","mandatory":true,"offer":true,
  "answers":[{"value":"принято","next":"upsell-3"},{"value":"отклонено","next":"upsell-3"}]},
 {"id":"upsell-3","prompt":"И третье предложение, традиционное для вашего типа клиента. Интересно?","mandatory":false,"offer":true,
  "answers":[{"value":"принято","next":"delivery"},{"value":"отклонено","next":"delivery"}]},
 {"id":"delivery","prompt":"Согласуйте способ, дату и интервал доставки.","mandatory":true,"offer":false,"freeAnswer":true,"next":"payment"},
 {"id":"payment","prompt":"Согласуйте способ оплаты, подходящий к доставке.","mandatory":true,"offer":false,"freeAnswer":true,"next":"summary"},
 {"id":"summary","prompt":"Повторите состав заказа, сумму, доставку и оплату. Всё верно?","mandatory":true,"offer":false,
  "answers":[{"value":"да","next":"goodbye"},{"value":"нет","next":"items"}]},
 {"id":"goodbye","prompt":"Спасибо за заказ! Хорошего дня.","mandatory":true,"offer":false}
]', 'system', now(), 'system', now());
