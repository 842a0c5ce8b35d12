-- Issue 15: order_line and order_history ids are handed out by Hibernate 50 at a time (pooled optimizer:
-- a sequence value V stands for the ids V-49..V), so that an order's lines and history rows are inserted in
-- one JDBC batch at commit instead of one INSERT ... RETURNING round trip each. Rows inserted by SQL with the
-- column default take a whole value of their own, which no Hibernate block contains.
ALTER SEQUENCE order_line_id_seq INCREMENT BY 50;
ALTER SEQUENCE order_history_id_seq INCREMENT BY 50;
