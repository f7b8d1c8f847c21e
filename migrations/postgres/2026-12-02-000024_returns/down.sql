DROP TABLE return_items;
DROP TABLE return_requests;
